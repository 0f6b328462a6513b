package io.localsam.cli;

import picocli.CommandLine.Command;

/**
 * {@code generate-event SERVICE EVENT [options]}: prints a sample event of an AWS service, shaped as
 * the service sends it, like {@code sam local generate-event}; pipe it into {@code invoke -e -}.
 */
@Command(name = "generate-event", mixinStandardHelpOptions = true,
    description = {"Print a sample event of an AWS service, to pipe into invoke.",
        "Example: java -jar emulator.jar generate-event sqs receive-message --body hi | java -jar emulator.jar invoke Worker -e -"},
    subcommands = {
        ApiGatewayEvents.class,
        CloudWatchEvents.class,
        DynamoDbEvents.class,
        EventBridgeEvents.class,
        S3Events.class,
        ScheduleEvent.class,
        SnsEvents.class,
        SqsEvents.class,
    })
final class GenerateEventCommand extends EventGroup {
}
