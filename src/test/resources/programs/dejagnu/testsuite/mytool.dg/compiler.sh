# A stand-in compiler for the dg tests: each line saying ERROR: or WARN: (its directive left out)
# becomes file:line: error|warning: text, as GCC reports.
awk '{ t = $0; sub(/ *\{.*/, "", t) }
     t ~ /ERROR:/ { print FILENAME ":" FNR ": error: " t }
     t ~ /WARN:/ { print FILENAME ":" FNR ": warning: " t }' "$1"
