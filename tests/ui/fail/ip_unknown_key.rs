use modelbuild::Validate;

#[derive(Validate)]
struct Host {
    #[validate(ipv4(version = 4))]
    address: String,
}

fn main() {}
