//! `email`: an e-mail address, as the HTML Standard defines a valid one.

flag_rule!(parse, "email", "email");
