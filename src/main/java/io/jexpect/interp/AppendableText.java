package io.jexpect.interp;

/**
 * Text that a longer text can extend without copying it: append in a loop costs amortised constant
 * time per character, where copying the whole string each time made it quadratic (Tcl appends in
 * place to an unshared string). Texts extended from one another share one buffer; a text sees
 * only its first {@code length} chars, which never change, and only the text that ends where the
 * buffer ends may append in place: extending any other copies.
 */
final class AppendableText {
    private final StringBuilder buffer;
    private final int length;

    private AppendableText(StringBuilder buffer, int length) {
        this.buffer = buffer;
        this.length = length;
    }

    /** {@code base} followed by the text of {@code items[from..]}. */
    static AppendableText extend(Value base, Value[] items, int from) {
        if (base.rep() instanceof AppendableText text) {
            StringBuilder b = text.buffer;
            synchronized (b) {
                if (b.length() == text.length) {
                    for (int i = from; i < items.length; i++) b.append(items[i]);
                    return new AppendableText(b, b.length());
                }
            }
        }
        String start = base.toString();
        StringBuilder b = new StringBuilder(Math.max(16, 2 * start.length())).append(start);
        for (int i = from; i < items.length; i++) b.append(items[i]);
        return new AppendableText(b, b.length());
    }

    int length() {
        return length;
    }

    @Override
    public String toString() {
        synchronized (buffer) {
            return buffer.substring(0, length);
        }
    }
}
