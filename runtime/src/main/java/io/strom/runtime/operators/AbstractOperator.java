package io.strom.runtime.operators;

/**
 * The one helper base class for operators: keeps the context and output, advances timers and
 * forwards watermarks and idleness. Subclasses override {@link #setup} instead of {@code open}.
 */
public abstract class AbstractOperator<OUT> implements Operator<OUT> {
  private static final long serialVersionUID = 1L;

  protected transient OperatorContext<OUT> context;
  protected transient Output<OUT> output;

  @Override
  public final void open(OperatorContext<OUT> context) throws Exception {
    this.context = context;
    this.output = context.output();
    setup();
  }

  /** Creates the operator's per-subtask resources; {@link #context} and {@link #output} are set. */
  protected void setup() throws Exception {}

  /** Fires event-time timers up to the watermark, then forwards it. */
  public void processWatermark(long watermark) throws Exception {
    context.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  public void processWatermarkStatus(boolean idle) throws Exception {
    output.emitWatermarkStatus(idle);
  }
}
