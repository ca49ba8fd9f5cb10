//! `ip`, `ipv4`, `ipv6`: an IP address as the standard library parses it.

flag_rule!(parse_any, "ip", "ip", IpKind::Any);
flag_rule!(parse_v4, "ipv4", "ip", IpKind::V4);
flag_rule!(parse_v6, "ipv6", "ip", IpKind::V6);
