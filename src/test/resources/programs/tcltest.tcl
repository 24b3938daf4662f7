# A tcltest file: constraints, setup/cleanup, -match glob|regexp|custom, -returnCodes, -output, -errorOutput, makeFile/makeDirectory/viewFile, and failures of each kind.
package require tcltest
namespace import ::tcltest::test ::tcltest::testConstraint ::tcltest::makeFile ::tcltest::removeFile ::tcltest::customMatch ::tcltest::cleanupTests ::tcltest::makeDirectory ::tcltest::removeDirectory
testConstraint unixOnly 1
testConstraint never 0
test t-1.1 {simple} {expr {1+1}} 2
test t-1.2 {fails on purpose} {expr {1+1}} 3
test t-1.3 {constraint skip} never {error x} {}
test t-1.4 {glob} -body {format hello-world} -match glob -result {hello-*}
test t-1.5 {regexp} -body {format abc123} -match regexp -result {^abc[0-9]+$}
test t-1.6 {error code} -body {error boom} -returnCodes error -result boom
test t-1.7 {output} -body {puts hi} -output "hi\n"
set f [makeFile "content\n" data.txt]
test t-1.8 {makeFile} -setup {set fh [open $f]} -body {gets $fh} -cleanup {close $fh} -result content
proc sameLength {a b} {expr {[string length $a] == [string length $b]}}
customMatch length sameLength
test t-1.9 {custom} -body {format abcd} -match length -result wxyz
test t-1.10 {unixOnly} -constraints unixOnly -body {set x 1} -result 1
test t-2.1 {wrong output fails} -body {puts out} -output "other\n"
test t-2.2 {wrong code fails} -body {return ok} -returnCodes error -result ok
test t-2.3 {regexp mismatch fails} -body {format xyz} -match regexp -result {^a}
test t-2.4 {stderr} -body {puts stderr warn} -errorOutput "warn\n"
test t-2.5 {error with errorCode} -body {error boom {} {MY CODE}} -returnCodes 1 -result boom
test t-2.6 {return codes by name} -body {return -code break} -returnCodes break
test t-2.7 {cleanup error} -body {set y 1} -cleanup {error "in cleanup"} -result 1
test t-2.8 {setup error} -setup {error "in setup"} -body {set y 1} -result 1
test t-2.9 {user constraint expression} -constraints {unixOnly} -body {list a b} -result {a b}
test t-2.10 {list of results} -body {lsort {c a b}} -result {a b c}
set dir [makeDirectory sub]
test t-2.11 {makeDirectory} -body {file isdirectory $dir} -result 1
removeDirectory sub
test t-2.12 {viewFile} -setup {makeFile "line1\nline2" v.txt} -body {::tcltest::viewFile v.txt} -cleanup {removeFile v.txt} -result "line1\nline2"
removeFile data.txt
cleanupTests
