package io.strom.connector.nexmark;

/**
 * Prices in cents, log-uniform from 1.00 to 1,000,000.00: as many prices below 10.00 as between
 * 10.00 and 100.00, and so on, so that price filters in the queries select every decade evenly.
 */
final class Prices {
  private Prices() {}

  static long next(EventRandom random) {
    return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
  }
}
