package io.jexpect.commands.oo;

import java.util.List;

/**
 * One method call on an object: the chain of implementations that {@code next} walks (mixins,
 * the object's own, then its class and superclasses), and whether it came from outside.
 */
record CallContext(OoObject self, String methodName, List<Method> chain, boolean publicCall, int filterCount) {
    CallContext(OoObject self, String methodName, List<Method> chain, boolean publicCall) {
        this(self, methodName, chain, publicCall, 0);
    }

    /** What a method body is, for self method and error traces. */
    static final String CONSTRUCTOR = "<constructor>", DESTRUCTOR = "<destructor>";

    /** An activation: the implementation at index of the chain is running. */
    record Active(CallContext call, int index) {
        Method method() {
            return call.chain().get(index);
        }

        boolean inFilter() {
            return index < call.filterCount();
        }
    }
}
