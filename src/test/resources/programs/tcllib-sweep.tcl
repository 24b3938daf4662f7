# A sample of tcllib's packages, every tenth name of those the system's tcllib offers, each
# required in a fresh child interpreter: prints which load and which fail.
catch {package require no-such-package}
set names {}
foreach name [lsort [package names]] {
    set versions [package versions $name]
    if {[llength $versions] && [string match */tcllib* [package ifneeded $name [lindex $versions end]]]} {
        lappend names $name
    }
}
set loaded {}
set failed {}
foreach name $names {
    if {[incr n] % 10 != 1} continue
    set child [interp create]
    if {[catch {$child eval [list package require $name]}]} { lappend failed $name } else { lappend loaded $name }
    interp delete $child
}
puts "tcllib packages: [llength $names]"
puts "loaded: $loaded"
puts "failed: $failed"
