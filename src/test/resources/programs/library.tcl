# Tcl's library as tclsh and expect set it up: init.tcl's procedures, packages and modules from disk.
puts [expr {[info library] in $auto_path}]
puts [auto_execok sh]
array set demo {b 2 a 1}
parray demo
catch {no_such_command 1 2} msg
puts $msg
puts $errorCode
puts $errorInfo
set dir [file join [pwd] pkgs]
file mkdir $dir/greet $dir/mods
set f [open $dir/greet/pkgIndex.tcl w]
puts $f {package ifneeded greet 1.2 [list source [file join $dir greet.tcl]]}
close $f
set f [open $dir/greet/greet.tcl w]
puts $f {namespace eval greet {
    namespace export hello
    proc hello {who} { return "hello, $who from [namespace current]" }
}
package provide greet 1.2}
close $f
lappend auto_path $dir
puts [package require greet]
namespace import greet::hello
puts [hello world]
set f [open $dir/mods/modx-0.3.tm w]
puts $f {package provide modx 0.3; proc modx {} {return "module [package present modx]"}}
close $f
tcl::tm::path add $dir/mods
puts [package require modx]
puts [modx]
puts [package require greet 1]
catch {package require greet 2} msg
puts $msg
catch {package require no_such_package} msg
puts $msg
puts [package present greet]
puts [tcl::mathop::* 2 3 7]
