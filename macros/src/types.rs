//! What a field's type is, as far as its spelling tells. Only std's own names are
//! recognised, and only to report a rule that can never apply earlier and more clearly
//! than the trait error would; anything else is left to the compiler's trait checks.

use syn::Type;

#[derive(Clone, Copy, PartialEq)]
pub enum Base {
    Text,
    Number,
    Other(&'static str),
    Collection,
}

#[derive(Clone, Copy)]
pub struct TypeKind {
    pub base: Base,
    pub optional: bool,
}

impl TypeKind {
    pub fn of(ty: &Type) -> Option<TypeKind> {
        let mut optional = false;
        let mut ty = ty;
        loop {
            match ty {
                Type::Reference(reference) => ty = &reference.elem,
                Type::Paren(paren) => ty = &paren.elem,
                Type::Group(group) => ty = &group.elem,
                Type::Slice(_) | Type::Array(_) => {
                    return Some(TypeKind {
                        base: Base::Collection,
                        optional,
                    })
                }
                Type::Path(path) if path.qself.is_none() => {
                    let last = path.path.segments.last()?;
                    let name = last.ident.to_string();
                    let base = match name.as_str() {
                        "Option" | "Box" | "Rc" | "Arc" => {
                            optional |= name == "Option";
                            ty = single_type_argument(&last.arguments)?;
                            continue;
                        }
                        "String" | "str" => Base::Text,
                        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                        | "u128" | "usize" | "f32" | "f64" => Base::Number,
                        "bool" => Base::Other("bool"),
                        "char" => Base::Other("char"),
                        "Vec" | "VecDeque" | "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet" => {
                            Base::Collection
                        }
                        _ => return None,
                    };
                    return Some(TypeKind { base, optional });
                }
                _ => return None,
            }
        }
    }

    /// How messages name the field's type: "a string", "bool", ...
    pub fn describe(self) -> &'static str {
        match self.base {
            Base::Text => "a string",
            Base::Number => "a number",
            Base::Collection => "a collection",
            Base::Other(name) => name,
        }
    }
}

fn single_type_argument(arguments: &syn::PathArguments) -> Option<&Type> {
    match arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => match args.args.first()? {
            syn::GenericArgument::Type(ty) => Some(ty),
            _ => None,
        },
        _ => None,
    }
}
