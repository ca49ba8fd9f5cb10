//! Which positions of an assistant's builds are still taken, counted so that the n-th
//! remaining build is found in a logarithm of their number: a Fenwick tree over the
//! positions, one counter each, grown as builds are created.

/// A count of live positions, 0 to `len() - 1`, each either live (1) or cleared (0).
#[derive(Debug, Default)]
pub struct Positions {
    /// Node `i` (1-based) counts the live positions in `(i - lowbit(i), i]`.
    tree: Vec<u32>,
    live: u64,
}

fn lowbit(i: usize) -> usize {
    i & i.wrapping_neg()
}

impl Positions {
    /// How many positions were ever given: the next one to give.
    pub fn len(&self) -> u64 {
        self.tree.len() as u64
    }

    /// Gives the next position, live.
    pub fn push(&mut self) -> u64 {
        let i = self.tree.len() + 1;
        // The new node covers (i - lowbit(i), i]: itself, and the nodes below it that
        // together cover (i - lowbit(i), i - 1].
        let mut count = 1;
        let mut j = i - 1;
        let stop = i - lowbit(i);
        while j > stop {
            count += self.tree[j - 1];
            j -= lowbit(j);
        }
        self.tree.push(count);
        self.live += 1;
        (i - 1) as u64
    }

    /// Marks `position` no longer live; a position not live is left as it is.
    pub fn clear(&mut self, position: u64) {
        let Ok(position) = usize::try_from(position) else {
            return;
        };
        if position >= self.tree.len() || !self.is_live(position) {
            return;
        }
        let mut i = position + 1;
        while i <= self.tree.len() {
            self.tree[i - 1] -= 1;
            i += lowbit(i);
        }
        self.live -= 1;
    }

    fn prefix(&self, mut i: usize) -> u64 {
        let mut sum = 0;
        while i > 0 {
            sum += u64::from(self.tree[i - 1]);
            i -= lowbit(i);
        }
        sum
    }

    fn is_live(&self, position: usize) -> bool {
        self.prefix(position + 1) > self.prefix(position)
    }

    /// The position of the `n`-th live one (from 0), if there are more than `n`.
    pub fn nth(&self, n: u64) -> Option<u64> {
        if n >= self.live {
            return None;
        }
        // Walk down from the largest power of two: take each node whose count stays
        // below the rank still wanted.
        let mut at = 0;
        let mut wanted = n + 1;
        let mut step = self.tree.len().checked_next_power_of_two()?;
        while step > 0 {
            let next = at + step;
            if next <= self.tree.len() && u64::from(self.tree[next - 1]) < wanted {
                at = next;
                wanted -= u64::from(self.tree[next - 1]);
            }
            step /= 2;
        }
        Some(at as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nth_agrees_with_a_plain_list() {
        let mut positions = Positions::default();
        let mut live = Vec::new();
        for n in 0..300u64 {
            assert_eq!(positions.push(), n);
            live.push(n);
            // Clear every third position and, now and then, one cleared already.
            if n % 3 == 1 {
                positions.clear(n - 1);
                live.retain(|p| *p != n - 1);
                positions.clear(n - 1);
            }
            for (rank, position) in live.iter().enumerate() {
                assert_eq!(positions.nth(rank as u64), Some(*position), "after {n}");
            }
            assert_eq!(positions.nth(live.len() as u64), None);
        }
        positions.clear(u64::MAX);
        assert_eq!(positions.len(), 300);
    }
}
