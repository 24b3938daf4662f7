package io.jexpect.harness;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One result an {@code .exp} file reported ({@code pass "login"}), or the file's own verdict. */
final class ExpResultDescriptor extends AbstractTestDescriptor {
    ExpResultDescriptor(UniqueId id, String name, TestSource source) {
        super(id, name, source);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
