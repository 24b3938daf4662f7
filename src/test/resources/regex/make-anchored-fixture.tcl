# Writes the anchored regex fixture: each pattern of tcl-are-fixture.txt made anchored, as
# ^(?:P) and \A(?:P), and left as ^P (anchored only when P has no top-level |), against the
# same subjects, with what Tcl's engine answers (tclsh 8.6.13). The engine runs an anchored
# pattern without its search pass; these cases check that the answers stay Tcl's.
#   tclsh make-anchored-fixture.tcl > tcl-are-anchored-fixture.txt
# Same format as tcl-are-fixture.txt: flags, pattern, subject, answer (tab-separated).
set dir [file dirname [file normalize [info script]]]
set f [open [file join $dir tcl-are-fixture.txt]]
fconfigure $f -encoding utf-8
while {[gets $f line] >= 0} {
    lassign [split $line \t] flags pattern subject
    dict lappend cases [list $flags $pattern] $subject
}
close $f
fconfigure stdout -encoding utf-8
dict for {key subjects} $cases {
    lassign $key flags pattern
    foreach anchored [list "^(?:$pattern)" "\\A(?:$pattern)" "^$pattern"] {
        foreach subject $subjects {
            if {[catch {regexp {*}$flags -indices -inline -- $anchored $subject} m]} {
                set m "error: $m"
            } elseif {[llength $m] == 0} {
                set m none
            } else {
                set m [concat {*}$m]
            }
            puts [join [list $flags $anchored $subject $m] \t]
        }
    }
}
