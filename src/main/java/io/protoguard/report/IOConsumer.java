package io.protoguard.report;

import java.io.IOException;

/** A consumer that may throw {@link IOException}, e.g. the body that writes a file's content. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
