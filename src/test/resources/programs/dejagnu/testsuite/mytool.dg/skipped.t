# { dg-do compile { target no-such-*-* } }
ERROR: never looked at
