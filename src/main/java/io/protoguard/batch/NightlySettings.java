package io.protoguard.batch;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code protoguard.nightly.*}: how many studies are checked at once, where the per-study reports go, and how a
 * killed run is told from a running one.
 *
 * @param threads          studies checked in parallel (one partition per study)
 * @param reportDir        reports go to {@code <reportDir>/<as-of>/<study>.xlsx}
 * @param heartbeat        how often a running process renews its lease
 * @param staleAfter       a lease not renewed for this long belongs to a dead process (another host's, or one whose pid is unknown)
 * @param partitionDelayMs test hook: wait this long inside each study's transaction, so a test can kill the process mid-run
 */
@ConfigurationProperties("protoguard.nightly")
public record NightlySettings(@DefaultValue("2") int threads, @DefaultValue("./data/nightly-reports") Path reportDir,
                              @DefaultValue("2s") Duration heartbeat, @DefaultValue("30s") Duration staleAfter,
                              @DefaultValue("0") long partitionDelayMs) {}
