//! "Did you mean ...?": the nearest name to a misspelt one.

/// ` did you mean `length`?` when `found` is a near miss of one of `names`: at most
/// two edits away, as typos are.
pub fn did_you_mean<'a>(found: &str, names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|name| (edit_distance(found, name), name))
        .filter(|&(distance, _)| distance <= 2)
        .min()
        .map_or_else(String::new, |(_, name)| format!(" did you mean `{name}`?"))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
