package io.localsam.template;

/**
 * How Lambda handles a function's asynchronous ({@code Event}) invocations: SAM's {@code
 * EventInvokeConfig} property or an {@code AWS::Lambda::EventInvokeConfig} resource.
 *
 * @param maximumRetryAttempts retries after a function error, 0 to 2 (default 2)
 * @param maximumEventAgeSeconds how long an event may wait in the queue, 60 to 21,600 (default
 *     21,600: six hours)
 * @param onSuccess where the invocation record of a success goes, or {@code null}
 * @param onFailure where the record goes once retries are exhausted or the event is too old, or
 *     {@code null}
 */
public record EventInvokeConfig(
    int maximumRetryAttempts,
    int maximumEventAgeSeconds,
    Destination onSuccess,
    Destination onFailure) {

  /** Lambda's defaults: two retries, six hours, no destinations. */
  public static final EventInvokeConfig DEFAULTS = new EventInvokeConfig(2, 21_600, null, null);

  /**
   * One destination of invocation records.
   *
   * @param type {@code Lambda}, {@code SQS}, {@code SNS}, {@code EventBridge} or {@code S3Bucket}
   * @param arn the destination's ARN as the template resolves it
   * @param functionId the logical id of the template function it names when the type is {@code
   *     Lambda} and the function is in the template, else {@code null} (the record is then only
   *     logged)
   */
  public record Destination(String type, String arn, String functionId) {}
}
