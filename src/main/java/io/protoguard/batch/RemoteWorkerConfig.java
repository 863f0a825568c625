package io.protoguard.batch;

import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The worker side ({@code protoguard nightly --worker}): consumes partition requests from the queue and runs the
 * very {@code checkStudy} step of a single-machine run through spring-batch-integration's
 * {@link StepExecutionRequestHandler}, which loads the step execution from the shared job repository. One message
 * per consumer at a time ({@code prefetch 1}, {@code protoguard.nightly.threads} consumers), acknowledged only when the
 * step has run and committed: a worker killed mid-partition never acknowledges, so the broker gives the request to
 * another worker. A failed partition is acknowledged too (its failure is in the repository; retrying is the next
 * start's business), and an unreadable message is dropped rather than redelivered forever.
 */
@Configuration
@ConditionalOnProperty(name = "protoguard.nightly.worker", havingValue = "true")
public class RemoteWorkerConfig {

    @Bean
    public Queue workerRequestQueue(RemoteSettings settings) {
        return QueueBuilder.durable(settings.queue()).build();
    }

    @Bean
    public SimpleMessageListenerContainer nightlyRequestListener(ConnectionFactory connections, RemoteSettings remote, NightlySettings nightly) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(remote.queue());
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(Math.max(1, nightly.threads()));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setRecoveryInterval(2000); // after the broker comes back, consumers are there again within 2 s
        return container;
    }

    @Bean
    public StepExecutionRequestHandler stepExecutionRequestHandler(JobExplorer explorer, BeanFactory beans) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beans);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobExplorer(explorer);
        handler.setStepLocator(steps);
        return handler;
    }

    @Bean
    public IntegrationFlow nightlyWorkerFlow(SimpleMessageListenerContainer nightlyRequestListener, StepExecutionRequestHandler handler,
                                             JobExplorer explorer) {
        // Java serialization of StepExecutionRequest (what the manager's RabbitTemplate sends), from this class only.
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
        return IntegrationFlow.from(Amqp.inboundAdapter(nightlyRequestListener).messageConverter(converter))
                .filter(StepExecutionRequest.class, r -> stillToDo(explorer, r))
                .handle(handler, "handle")
                .nullChannel();
    }

    /**
     * A request is done unless its partition is still STARTING, or STARTED by a worker that died (the broker redelivers
     * only unacknowledged requests). A partition finished meanwhile, or marked FAILED by the manager's
     * {@link WorkerWatch} or by a restart, is dropped: the restart sends requests of its own.
     */
    static boolean stillToDo(JobExplorer explorer, StepExecutionRequest request) {
        StepExecution step = explorer.getStepExecution(request.getJobExecutionId(), request.getStepExecutionId());
        String name = step == null ? "step execution " + request.getStepExecutionId() : step.getStepName();
        boolean todo = step != null && step.getStatus().isRunning() && step.getJobExecution().getStatus().isRunning();
        System.err.println("protoguard: worker " + ProcessHandle.current().pid() + (todo ? " takes " : " drops (already "
                + (step == null ? "gone" : step.getStatus()) + ") ") + name + " (step execution " + request.getStepExecutionId() + ")");
        return todo;
    }
}
