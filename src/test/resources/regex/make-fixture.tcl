# Writes the regex differential fixture: random ARE patterns x random subjects and what Tcl's
# engine answers (tclsh 8.6.13). Deterministic (a fixed seed): re-run it only to regenerate.
#   tclsh make-fixture.tcl > tcl-are-fixture.txt
# Each case is one line, tab-separated: flags, pattern, subject, answer, where the answer is the
# flattened `regexp -indices -inline` list, "none" for no match, or "error: MESSAGE".
expr {srand(20261201)}
proc pick {list} { lindex $list [expr {int(rand() * [llength $list])}] }
proc atom {depth} {
    set r [expr {rand()}]
    if {$depth < 3 && $r < 0.22} {
        set inner [branches [expr {$depth + 1}]]
        incr ::groups
        return "($inner)"
    } elseif {$depth < 3 && $r < 0.27} {
        return "(?:[branches [expr {$depth + 1}]])"
    } elseif {$depth < 3 && $r < 0.29} {
        return "(?[pick {= !}][branches [expr {$depth + 1}]])"
    } elseif {$r < 0.31 && $::groups > 0} {
        return "\\[expr {1 + int(rand() * $::groups)}]"
    } elseif {$r < 0.36} {
        return [pick {^ $ \\m \\M \\y \\Y}]
    }
    return [pick {a a a b b c . [ab] [^a] \\w x}]
}
proc quant {} {
    if {rand() < 0.5} { return "" }
    pick {* + ? *? +? ?? {{0,2}} {{1,}} {{2}} {{1,2}?} {{0,}}}
}
proc branch {depth} {
    set s ""
    set n [expr {1 + int(rand() * 3)}]
    for {set i 0} {$i < $n} {incr i} {
        set a [atom $depth]
        # a constraint takes no quantifier
        if {![regexp {^(\^|\$|\\[mMyY]|\(\?[=!])} $a]} { append a [quant] }
        append s $a
    }
    return $s
}
proc branches {depth} {
    set s [branch $depth]
    while {rand() < 0.25} { append s | [branch $depth] }
    return $s
}
proc subject {} {
    set s ""
    set n [expr {int(rand() * 7)}]
    for {set i 0} {$i < $n} {incr i} { append s [pick {a a a b b c x " "}] }
    return $s
}
# The cases run in a child tclsh, one pattern at a time, with 2 s for its subjects: a few random
# patterns with backreferences take Tcl's engine exponential time; such a pattern is left out
# (the child is killed and another started).
set child {
    fconfigure stdout -buffering line
    while {[gets stdin line] >= 0} {
        lassign $line flags pattern subjects
        set out {}
        foreach subject $subjects {
            if {[catch {regexp {*}$flags -indices -inline -- $pattern $subject} m]} {
                set m "error: $m"
            } elseif {[llength $m] == 0} {
                set m none
            } else {
                set m [concat {*}$m]
            }
            lappend out [join [list $flags $pattern $subject $m] \t]
        }
        puts [list $out]
    }
}
set script [file join [file dirname [file normalize [info script]]] .fixture-child.tcl]
set f [open $script w]; puts $f $child; close $f
proc start {} {
    set ::pipe [open |[list [info nameofexecutable] $::script] r+]
    fconfigure $::pipe -buffering line
    fileevent $::pipe readable {set ::reply [gets $::pipe]}
}
start
for {set k 0} {$k < 1500} {incr k} {
    set ::groups 0
    set pattern [branches 0]
    set flags [pick {{} {} {} {} -nocase -line}]
    set subjects {}
    for {set j 0} {$j < 4} {incr j} { lappend subjects [subject] }
    puts $pipe [list $flags $pattern $subjects]
    set timer [after 2000 {set ::reply TIMEOUT}]
    vwait ::reply
    after cancel $timer
    if {$::reply eq "TIMEOUT"} {
        exec kill -9 {*}[pid $pipe]
        catch {close $pipe}
        start
        continue
    }
    puts [join [lindex $::reply 0] \n]
}
close $pipe
file delete $script
