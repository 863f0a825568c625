package io.protoguard.batch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code protoguard.nightly.remote.*}: the nightly run on several machines (docs/scaling.md). The broker connection
 * itself is Spring Boot's {@code spring.rabbitmq.*} (host, port, username, password, virtual-host).
 *
 * @param enabled       {@code protoguard nightly} sends its partitions to workers instead of running them itself
 * @param queue         the durable queue of partition requests, declared by the manager and the workers
 * @param pollInterval  how often the manager reads the partitions' status from the job repository
 * @param timeout       a run whose partitions are not all finished by then fails (exit 3; the next start resumes it)
 * @param noWorkerGrace with no consumer on the queue (no worker left, or the broker unreachable) for this long, the
 *                      manager fails the partitions not yet done, so the run ends with exit 3 and resumes on the next start
 */
@ConfigurationProperties("protoguard.nightly.remote")
public record RemoteSettings(@DefaultValue("false") boolean enabled, @DefaultValue("protoguard.nightly.requests") String queue,
                             @DefaultValue("2s") Duration pollInterval, @DefaultValue("6h") Duration timeout,
                             @DefaultValue("60s") Duration noWorkerGrace) {}
