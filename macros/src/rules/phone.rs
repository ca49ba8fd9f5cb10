//! `phone`: a phone number in E.164 form.

flag_rule!(parse, "phone", "phone");
