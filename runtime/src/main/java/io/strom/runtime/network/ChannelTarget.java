package io.strom.runtime.network;

/**
 * One destination of a producer's output: a channel of a consumer's input gate.
 *
 * @param gate the consumer's gate
 * @param channel the channel index within that gate
 */
public record ChannelTarget(InputGate gate, int channel) {}
