//! `credit_card`: a card number with a valid Luhn check digit.

flag_rule!(no_schema parse, "credit_card", "credit_card");
