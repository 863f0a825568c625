package io.protoguard.report;

import io.protoguard.model.CheckResult;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one {@link CheckResult} in one format. Implementations flush {@code out} but never close it, so
 * {@code System.out} can be passed.
 */
public interface ReportWriter {
    void write(CheckResult result, OutputStream out) throws IOException;
}
