//! `ascii`, `alphanumeric`, `non_control_character`: which characters a string holds.

flag_rule!(parse_ascii, "ascii", "characters", Characters::Ascii);
flag_rule!(
    parse_alphanumeric,
    "alphanumeric",
    "characters",
    Characters::Alphanumeric
);
flag_rule!(
    parse_non_control,
    "non_control_character",
    "characters",
    Characters::NonControl
);
