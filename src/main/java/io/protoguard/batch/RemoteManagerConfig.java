package io.protoguard.batch;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The manager side of remote partitioning ({@code protoguard nightly} with {@code protoguard.nightly.remote.enabled}):
 * {@code checkStudies} keeps its partitioner, and a spring-batch-integration {@link MessageChannelPartitionHandler}
 * sends one {@code StepExecutionRequest} per partition (three numbers, no data) to a durable RabbitMQ queue, then
 * polls the shared job repository for the partitions' status instead of waiting for replies: the truth is in the
 * database, so a lost reply or a dead worker cannot mislead the manager. {@link WorkerWatch} ends the wait when no
 * worker is left.
 */
@Configuration
@ConditionalOnProperty(name = "protoguard.nightly.remote.enabled", havingValue = "true")
public class RemoteManagerConfig {

    /** What {@link NightlyJobConfig} puts into {@code checkStudies} in place of its thread pool. */
    public record RemotePartitions(MessageChannelPartitionHandler handler, WorkerWatch watch) {}

    @Bean
    public Queue managerRequestQueue(RemoteSettings settings) {
        return QueueBuilder.durable(settings.queue()).build();
    }

    @Bean
    public DirectChannel nightlyRequests() {
        return new DirectChannel();
    }

    /** Requests go to the default exchange with the queue's name as routing key; messages are persistent (Spring AMQP's default). */
    @Bean
    public IntegrationFlow nightlyRequestsToBroker(RabbitTemplate rabbit, RemoteSettings settings) {
        return IntegrationFlow.from(nightlyRequests()).handle(Amqp.outboundAdapter(rabbit).routingKey(settings.queue())).get();
    }

    @Bean
    public RemotePartitions remotePartitions(JobExplorer explorer, JobRepository repository, AmqpAdmin admin, RemoteSettings settings)
            throws Exception {
        MessagingTemplate requests = new MessagingTemplate();
        requests.setDefaultChannel(nightlyRequests());
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(NightlyJobConfig.CHECK_STUDY);
        handler.setMessagingOperations(requests);
        handler.setJobExplorer(explorer); // poll the repository, no reply channel
        handler.setPollInterval(settings.pollInterval().toMillis());
        handler.setTimeout(settings.timeout().toMillis());
        handler.afterPropertiesSet();
        return new RemotePartitions(handler, new WorkerWatch(admin, explorer, repository, settings));
    }
}
