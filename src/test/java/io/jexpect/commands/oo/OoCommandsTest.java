package io.jexpect.commands.oo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TclOO; expected values recorded from tclsh 8.6.13. */
class OoCommandsTest {
    TclRunner tcl = new TclRunner();

    @AfterEach
    void close() {
        tcl.close();
    }

    private static final String C = """
            oo::class create C {
              variable v
              constructor {x} {set v $x}
              method get {} {return $v}
              method Priv {} {return p}
              method m {a {b 2} args} {list $a $b $args}
              method err {} {error boom}
              destructor {lappend ::log "destroying [self]"}
            }
            """;

    @Test
    void classesObjectsAndMethods() throws Exception {
        tcl.eval(C);
        assertThat(tcl.eval("C create o 5")).isEqualTo("::o");
        assertThat(tcl.eval("o get")).isEqualTo("5");
        assertThat(tcl.eval("o m 1 2 3 4")).isEqualTo("1 2 {3 4}");
        assertThat(tcl.eval("set n [C new 3]; $n get")).isEqualTo("3");
        assertThat(tcl.eval("info object class o")).isEqualTo("::C");
        assertThat(tcl.eval("lsort [info object methods o -all]")).isEqualTo("destroy err get m");
        assertThat(tcl.eval("lsort [info class methods C]")).isEqualTo("err get m");
        assertThat(tcl.eval("lsort [info class methods C -private]")).isEqualTo("Priv err get m");
        assertThat(tcl.eval("o destroy; list [info commands o] $::log")).isEqualTo("{} {{destroying ::o}}");
        assertThat(tcl.eval("C create o2 1; rename o2 {}; set ::log")).isEqualTo("{destroying ::o} {destroying ::o2}");
    }

    @Test
    void errorsAreTclsWords() throws Exception {
        tcl.eval(C + "C create o 5");
        assertThat(tcl.error("o nosuch")).isEqualTo("unknown method \"nosuch\": must be destroy, err, get or m | TCL LOOKUP METHOD nosuch");
        assertThat(tcl.error("o Priv")).startsWith("unknown method \"Priv\": must be destroy, err, get or m");
        assertThat(tcl.error("o m")).isEqualTo("wrong # args: should be \"o m a ?b? ?arg ...?\" | TCL WRONGARGS");
        assertThat(tcl.error("C create o2")).isEqualTo("wrong # args: should be \"C create o2 x\" | TCL WRONGARGS");
        assertThat(tcl.eval("list [info commands o2] $::log")).isEqualTo("{} {{destroying ::o2}}");
        assertThat(tcl.error("C")).startsWith("wrong # args: should be \"C method ?arg ...?\"");
        assertThat(tcl.error("oo::object create")).startsWith("wrong # args: should be \"oo::object create objectName ?arg ...?\"");
        assertThat(tcl.error("oo::define C")).startsWith("wrong # args: should be \"oo::define className arg ?arg ...?\"");
        assertThat(tcl.error("oo::define nosuch {}")).isEqualTo("nosuch does not refer to an object | TCL LOOKUP OBJECT nosuch");
        assertThat(tcl.error("oo::define C bogus")).startsWith("invalid command name \"bogus\"");
        assertThat(tcl.error("oo::define C method a")).startsWith("wrong # args: should be \"oo::define C method name args body\"");
        assertThat(tcl.error("oo::define::method")).startsWith("wrong # args: should be \"oo::define::method name args body\"");
        assertThat(tcl.error("oo::define::method a {} {}")).isEqualTo("this command may only be called from within the context"
                + " of an ::oo::define or ::oo::objdefine command | TCL OO MONKEY_BUSINESS");
        assertThat(tcl.error("oo::object doesnotexist")).startsWith("unknown method \"doesnotexist\": must be create, destroy or new");
        assertThat(tcl.error("oo::object create hidden; oo::objdefine hidden unexport destroy; hidden x")).isEqualTo(
                "object \"::hidden\" has no visible methods | TCL LOOKUP METHOD x");
        assertThat(tcl.error("oo::class create C")).startsWith("can't create object \"C\": command already exists with that name");
        assertThat(tcl.eval("catch {o err}; set ::errorInfo")).isEqualTo("""
                boom
                    while executing
                "error boom"
                    (class "::C" method "err" line 1)
                    invoked from within
                "o err\"""");
        assertThat(tcl.eval("catch {oo::define C {error boom}}; set ::errorInfo")).isEqualTo("""
                boom
                    while executing
                "error boom"
                    (in definition script for class "::C" line 1)
                    invoked from within
                "oo::define C {error boom}\"""");
    }

    @Test
    void callChainWithMixinsNextAndObjectMethods() throws Exception {
        tcl.eval("""
                oo::class create M {method m {} {return "M>[next]"}}
                oo::class create N {method m {} {return "N>[next]"}}
                oo::class create P {method m {} {return "P>[next]"}}
                oo::class create A {mixin N; method m {} {return A}; method n {} {next}}
                oo::class create B {superclass A; mixin M; method m {} {return "B>[next]"}; method x {} {my nosuch}}
                B create b
                """);
        assertThat(tcl.eval("b m")).isEqualTo("M>N>B>A");
        tcl.eval("oo::objdefine b {mixin P; method m {} {return \"obj>[next]\"}}");
        assertThat(tcl.eval("b m")).isEqualTo("P>M>N>obj>B>A");
        assertThat(tcl.eval("info object call b m")).isEqualTo(
                "{method m ::P method} {method m ::M method} {method m ::N method} {method m object method} {method m ::B method} {method m ::A method}");
        assertThat(tcl.error("b n")).isEqualTo("no next method implementation | TCL OO NOTHING_NEXT");
        assertThat(tcl.error("b x")).startsWith("unknown method \"nosuch\": must be <cloned>, destroy, eval, m, n, unknown, variable, varname or x");
        assertThat(tcl.eval("info class superclasses B")).isEqualTo("::A");
        assertThat(tcl.eval("list [info object isa object b] [info object isa class B] [info object isa typeof b A] [info object isa typeof b nosuch]"))
                .isEqualTo("1 1 1 0");
        assertThat(tcl.error("oo::define A superclass B")).isEqualTo("attempt to form circular dependency graph | TCL OO CIRCULARITY");
        assertThat(tcl.error("oo::define B superclass b")).startsWith("only a class can be a superclass");
    }

    @Test
    void metaclassesAndMultipleInheritance() throws Exception {
        tcl.eval("""
                oo::class create meta
                oo::define meta {
                  superclass oo::class
                  self unexport create new
                  self method make {x {definitions {}}} {
                    set o [my create $x]
                    oo::define $o $definitions
                    return $o
                  }
                }
                """);
        assertThat(tcl.error("meta create foo")).startsWith("unknown method \"create\": must be destroy or make");
        assertThat(tcl.eval("meta make ::ci {set ::where [namespace current]}")).isEqualTo("::ci");
        assertThat(tcl.eval("list $::where [ci create instance] [info object class ci]")).isEqualTo("::oo::define ::instance ::meta");
        tcl.eval("""
                oo::class create A1; oo::class create B1; oo::class create C1; oo::class create D1
                oo::define A1 method test {} {lappend ::result A; return ok}
                oo::define B1 {superclass A1; method test {} {lappend ::result B; next}}
                oo::define C1 {superclass A1; method test {} {lappend ::result C; next}}
                oo::define D1 {superclass B1 C1; method test {} {lappend ::result D; next}}
                """);
        assertThat(tcl.eval("set result {}; lappend result [[D1 new] test]")).isEqualTo("D B C A ok");
    }

    @Test
    void selfNextAndHelpers() throws Exception {
        tcl.eval("""
                oo::class create C {method m {} {list [namespace current] [namespace path] [namespace which self] [self] [self class] [self method] [self namespace] [info level 0]}}
                C create o
                """);
        assertThat(tcl.eval("lreplace [o m] 0 0")).isEqualTo("::oo::Helpers ::oo::Helpers::self ::o ::C m " + tcl.eval("info object namespace o") + " {o m}");
        assertThat(tcl.error("::oo::Helpers::self")).startsWith("self may only be called from inside a method");
        assertThat(tcl.error("self")).startsWith("invalid command name \"self\"");
        tcl.eval("oo::objdefine o {method q {} {self class}; method s {} {self bogus}}");
        assertThat(tcl.error("o q")).startsWith("method not defined by a class");
        assertThat(tcl.error("o s")).startsWith(
                "bad subcommand \"bogus\": must be call, caller, class, filter, method, namespace, next, object, or target");
        tcl.eval("oo::class create A {method m {x} {}}; oo::class create B {superclass A; method m {} {next}}; B create b");
        assertThat(tcl.error("b m")).startsWith("wrong # args: should be \"next x\"");
    }

    @Test
    void callsSeeEveryRedefinition() throws Exception {
        tcl.eval("oo::class create A {method m {} {return A}}; oo::class create B {method m {} {return B}}; oo::class create M {method m {} {return M>[next]}}");
        tcl.eval("A create o");
        assertThat(tcl.eval("o m")).isEqualTo("A");
        tcl.eval("oo::define A method m {} {return A2}");
        assertThat(tcl.eval("o m")).isEqualTo("A2");
        tcl.eval("oo::objdefine o mixin M");
        assertThat(tcl.eval("o m")).isEqualTo("M>A2");
        tcl.eval("oo::objdefine o class B");
        assertThat(tcl.eval("o m")).isEqualTo("M>B");
        // Visibility is decided on each branch of the chain: M's m is public, B's is cut off.
        tcl.eval("oo::define B unexport m");
        assertThat(tcl.error("o m")).isEqualTo("no next method implementation | TCL OO NOTHING_NEXT");
        tcl.eval("oo::objdefine o mixin -clear");
        assertThat(tcl.error("o m")).startsWith("unknown method \"m\": must be destroy");
        tcl.eval("oo::objdefine o mixin M");
        // An object mixing a class in is one of its instances; a class mixing it in goes with it.
        tcl.eval("oo::class create C {mixin M}; C create c");
        assertThat(tcl.eval("info class instances M")).isEqualTo("::o");
        tcl.eval("M destroy");
        assertThat(tcl.eval("list [info commands o] [info commands c] [info commands C]")).isEqualTo("{} {} {}");
    }

    @Test
    void selfBelongsToTheMethodsFrame() throws Exception {
        tcl.eval("""
                oo::object create o
                oo::objdefine o method m {} {list [uplevel 1 {catch ::oo::Helpers::self m; set m}] [namespace eval ::x {catch ::oo::Helpers::self m; set m}] [eval {self}] [if 1 {self}]}
                oo::class create A {method m {} {list [self caller] [my n]}; method n {} {self caller}}
                oo::objdefine o method c {} {[A create ::a] m}
                oo::class create G {method gen {} {coroutine ::gg my Produce; list [self method] [gg]}; method Produce {} {yield [self method]; return [self method]}}
                """);
        assertThat(tcl.eval("o m")).isEqualTo("{self may only be called from inside a method} {self may only be called from inside a method} ::o ::o");
        assertThat(tcl.eval("o c")).isEqualTo("{::o ::o c} {::A ::a m}");
        assertThat(tcl.eval("[G new] gen")).isEqualTo("gen Produce");
    }

    @Test
    void variablesForwardsExportsAndSlots() throws Exception {
        tcl.eval("""
                oo::class create V {variable a b; constructor {} {set a 1; set b 2}; method get {} {list $a $b [info vars]}}
                V create v
                """);
        assertThat(tcl.eval("v get")).isEqualTo("1 2 {a b}");
        assertThat(tcl.eval("info object vars v")).isEqualTo("a b");
        assertThat(tcl.eval("info class variables V")).isEqualTo("a b");
        tcl.eval("oo::objdefine v {forward fw list a b; export eval}");
        assertThat(tcl.eval("v fw c")).isEqualTo("a b c");
        assertThat(tcl.eval("v eval {set a}")).isEqualTo("1");
        assertThat(tcl.eval("list [info object methodtype v fw] [info object forward v fw]")).isEqualTo("forward {list a b}");
        tcl.eval("oo::define V {variable x; variable -set q}");
        assertThat(tcl.eval("info class variables V")).isEqualTo("q");
        assertThat(tcl.error("oo::define V variable -bogus")).startsWith("unknown method \"-bogus\": must be -append, -clear or -set");
        assertThat(tcl.error("oo::define V variable a(b)")).startsWith("invalid declared variable name \"a(b)\": must not refer to an array element");
        tcl.eval("oo::define V {method a {} {}; method b {} {}}");
        assertThat(tcl.error("oo::define V renamemethod a b")).startsWith("method called b already exists");
        assertThat(tcl.error("oo::define V deletemethod nosuch")).startsWith("method nosuch does not exist");
        tcl.eval("oo::define V unexport a");
        assertThat(tcl.eval("info class methods V")).isEqualTo("b get");
    }

    @Test
    void exportAndUnexportOnEachLevel() throws Exception {
        tcl.eval("""
                oo::class create A {method m {} {return A}; method Q {} {return Q}}
                oo::class create B {superclass A; export Q; method n {} {return n}}
                oo::class create C {superclass A; unexport m}
                oo::class create M {method m {} {return M>[next]}}
                B create b; C create c
                """);
        assertThat(tcl.eval("b Q")).isEqualTo("Q");
        assertThat(tcl.error("c m")).startsWith("unknown method \"m\": must be destroy");
        tcl.eval("oo::objdefine c export m");
        assertThat(tcl.eval("c m")).isEqualTo("A");
        tcl.eval("oo::objdefine c {method p {} {return p}; unexport p}");
        assertThat(tcl.error("c p")).startsWith("unknown method \"p\": must be destroy or m");
        tcl.eval("oo::objdefine c {method m {} {return obj>[next]}; unexport m}");
        assertThat(tcl.error("c m")).startsWith("unknown method \"m\": must be destroy");
        tcl.eval("oo::objdefine c {export m; mixin M}");
        assertThat(tcl.eval("c m")).isEqualTo("M>obj>A");
        assertThat(tcl.eval("lsort [info object methods c -all]")).isEqualTo("destroy m");
        assertThat(tcl.eval("lsort [info object methods c -all -private]")).isEqualTo("<cloned> Q destroy eval m p unknown variable varname");
        assertThat(tcl.eval("list [info object methods c] [info object methods c -private] [info class methods C -all]")).isEqualTo("m {m p} destroy");
    }

    @Test
    void definitionCommandsByUniquePrefix() throws Exception {
        tcl.eval("oo::class create C; oo::define C meth m {} {return m}; oo::define C {meth n {} {return n}}");
        assertThat(tcl.eval("info class methods C")).isEqualTo("m n");
        assertThat(tcl.error("oo::define C {s}")).isEqualTo("invalid command name \"s\" | TCL LOOKUP COMMAND s");
        assertThat(tcl.error("oo::define C s")).startsWith("invalid command name \"s\"");
    }

    @Test
    void filters() throws Exception {
        tcl.eval("""
                oo::class create C {
                  variable log
                  constructor {} {set log {}}
                  method a {} {lappend log a; return A}
                  method Log {args} {lappend log "filter [self target] [self filter] [self method]"; set r [next {*}$args]; lappend log "after $r"; return $r}
                  method getlog {} {return $log}
                  filter Log
                }
                C create c
                """);
        assertThat(tcl.eval("c a")).isEqualTo("A");
        assertThat(tcl.eval("c getlog")).isEqualTo("{filter ::C a ::C class Log Log} a {after A} {filter ::C getlog ::C class Log Log}");
        assertThat(tcl.eval("info object call c a")).isEqualTo("{filter Log ::C method} {method a ::C method}");
    }

    @Test
    void constructorAndDestructorErrors() throws Exception {
        tcl.eval("oo::class create E {constructor {x} {error \"ctor $x\"}}; oo::class create F {destructor {error dtor}}; F create f");
        assertThat(tcl.eval("list [catch {E create e 1} m] $m $::errorInfo [info commands e]")).isEqualTo(
                "1 {ctor 1} {ctor 1\n    while executing\n\"error \"ctor $x\"\"\n    (class \"::E\" constructor line 1)\n    invoked from within\n\"E create e 1\"} {}");
        assertThat(tcl.eval("list [catch {f destroy} m] $m [info commands f]")).isEqualTo("1 dtor {}");
    }

    @Test
    void copyAndDestroyingAClassTakesItsInstances() throws Exception {
        tcl.eval("oo::class create K {variable n; constructor {} {set n 1}; method inc {} {incr n}}; K create k; k inc");
        assertThat(tcl.eval("oo::copy k k2")).isEqualTo("::k2");
        assertThat(tcl.eval("list [k2 inc] [k inc]")).isEqualTo("3 3");
        tcl.eval("K destroy");
        assertThat(tcl.eval("info commands ::k") + tcl.eval("info commands ::k2")).isEmpty();
    }

    @Test
    void deletingTheNamespaceDestroysTheObject() throws Exception {
        tcl.eval("oo::class create C {variable v; constructor {} {set v 1}; destructor {lappend ::log \"dtor [self] v=$v\"}}");
        tcl.eval("C create a; namespace delete [info object namespace a]");
        tcl.eval("namespace eval ns {C create b}; namespace delete ns");
        tcl.eval("C create c; oo::objdefine c method r {} {rename my {}}; c r");
        assertThat(tcl.eval("list $::log [info commands a] [info commands ::ns::b] [info commands c]"))
                .isEqualTo("{{dtor ::a v=1} {dtor ::ns::b v=1}} {} {} c");
    }

    @Test
    void tclOOIsAPackageAsInTcl86() throws Exception {
        assertThat(tcl.eval("package require TclOO")).isEqualTo("1.1.0");
    }

    @Test
    void infoErrors() {
        assertThat(tcl.error("info object")).startsWith("wrong # args: should be \"info object subcommand ?arg ...?\"");
        assertThat(tcl.error("info object foo")).startsWith("unknown or ambiguous subcommand \"foo\": must be call, class, definition,"
                + " filters, forward, isa, methods, methodtype, mixins, namespace, variables, or vars");
        assertThat(tcl.error("info object class")).startsWith("wrong # args: should be \"info object class objName ?className?\"");
        assertThat(tcl.error("info class methods")).startsWith("wrong # args: should be \"info class methods className ?-option value ...?\"");
        assertThat(tcl.error("info object methods nosuch")).isEqualTo("nosuch does not refer to an object | TCL LOOKUP OBJECT nosuch");
        assertThat(tcl.error("oo::object create o; info class methods o")).isEqualTo("\"o\" is not a class | TCL LOOKUP CLASS o");
        assertThat(tcl.error("info object isa bogus o")).startsWith(
                "bad category \"bogus\": must be class, metaclass, mixin, object, or typeof");
    }
}
