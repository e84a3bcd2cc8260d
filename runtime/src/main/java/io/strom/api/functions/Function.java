package io.strom.api.functions;

import java.io.Serializable;

/**
 * Marker of user functions. Functions are serializable because every parallel instance of an
 * operator gets its own copy of the function the program built.
 */
public interface Function extends Serializable {}
