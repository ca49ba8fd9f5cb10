use modelbuild::Validate;

struct Names;

#[derive(Validate)]
#[validate(context = Names, context = Names)]
struct Twice {
    #[validate(range(max = 1))]
    a: u32,
}

#[derive(Validate)]
#[validate(context)]
struct Bare {
    #[validate(range(max = 1))]
    a: u32,
}

#[derive(Validate)]
#[validate(contxt = Names)]
struct Misspelt {
    #[validate(range(max = 1))]
    a: u32,
}

fn main() {}
