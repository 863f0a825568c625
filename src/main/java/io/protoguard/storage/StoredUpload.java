package io.protoguard.storage;

import java.time.OffsetDateTime;

/** One uploaded file: {@code fileName} is what the user called it (display only), the stored copy is named by sha256. */
public record StoredUpload(long id, String sha256, String fileName, String fileKind, long sizeBytes, String uploadedBy,
                           OffsetDateTime uploadedAt) {}
