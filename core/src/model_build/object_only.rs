//! JSON objects only: serde's derived `Deserialize` also reads a struct from an array
//! of its fields in order, so `[]` would become a `ModelBuild` with every field `None`.
//! The API never sends that, so it is an error here.
//!
//! Each type derives serde with `#[serde(remote = "Self")]`, which turns the derived
//! code into inherent functions; `object_only!` then writes the trait impls, asking
//! the deserializer for a map and nothing else.

macro_rules! object_only {
    ($($ty:ident),*) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $ty::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "a JSON object ({})", stringify!($ty))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<$ty, A::Error> {
                        $ty::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    )*};
}

pub(crate) use object_only;
