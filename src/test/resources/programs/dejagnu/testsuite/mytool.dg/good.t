# { dg-do compile }
this line is fine
ERROR: bad thing here  { dg-error "bad thing" }
WARN: careful now  { dg-warning "careful" }
ERROR: not what we say  { dg-error "something else" "" { xfail *-*-* } }
fine again  { dg-bogus "never" }
