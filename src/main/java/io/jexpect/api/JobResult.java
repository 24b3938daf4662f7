package io.jexpect.api;

/**
 * One job's outcome in a {@link BoundedRunner} run.
 *
 * @param value   what the job returned (null when it failed)
 * @param failure what it threw, or null when it succeeded
 */
public record JobResult<T>(T value, Throwable failure) {
    /** True when the job returned normally. */
    public boolean succeeded() {
        return failure == null;
    }
}
