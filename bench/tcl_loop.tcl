# Pure-Tcl loop benchmark: 1M iterations of incr, expr arithmetic, string and list work.
# Prints a checksum so both interpreters can be seen to compute the same thing.
set n 1000000
if {[llength $argv] > 0} { set n [lindex $argv 0] }
set sum 0
set s ""
set lst {}
set words {alpha beta gamma delta}
set i 0
while {$i < $n} {
    set sum [expr {($sum + $i * 3) % 1000003}]
    set w [lindex $words [expr {$i & 3}]]
    incr sum [string length $w]
    lappend lst $w
    if {[llength $lst] > 8} { set lst [list $w] }
    append s x
    if {$i % 1000 == 0} { set s "" }
    incr i
}
puts "$sum [llength $lst] [string length $s]"
