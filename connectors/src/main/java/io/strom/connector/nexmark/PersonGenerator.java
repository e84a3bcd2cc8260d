package io.strom.connector.nexmark;

import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;

/** Fills the {@code person} row of a person event. */
final class PersonGenerator {
  static final int ID = 0;
  static final int NAME = 1;
  static final int EMAIL = 2;
  static final int CREDIT_CARD = 3;
  static final int CITY = 4;
  static final int STATE = 5;
  static final int DATE_TIME = 6;
  static final int EXTRA = 7;
  static final int ARITY = 8;

  private final NexmarkConfig config;

  PersonGenerator(NexmarkConfig config) {
    this.config = config;
  }

  /**
   * Fills {@code row}; of the fields {@code read} (a {@link NexmarkFields} mask) leaves out, only
   * the time and the padding are skipped: persons are rare, and the padding's size depends on
   * every string before it.
   */
  void fill(long eventNumber, long timestamp, EventRandom random, GenericRow row, long read) {
    StringData name = NexmarkText.personName(random);
    StringData email = NexmarkText.email(random);
    StringData creditCard = NexmarkText.creditCard(random);
    StringData city = NexmarkText.pick(random, NexmarkText.US_CITIES);
    StringData state = NexmarkText.pick(random, NexmarkText.US_STATES);
    int size = 8 + name.sizeInBytes() + email.sizeInBytes() + creditCard.sizeInBytes()
        + city.sizeInBytes() + state.sizeInBytes();
    row.setLong(ID, NexmarkIds.lastPersonId(config, eventNumber) + NexmarkConfig.FIRST_PERSON_ID);
    row.setString(NAME, name);
    row.setString(EMAIL, email);
    row.setString(CREDIT_CARD, creditCard);
    row.setString(CITY, city);
    row.setString(STATE, state);
    if (NexmarkFields.reads(read, DATE_TIME)) {
      row.setTimestamp(DATE_TIME, TimestampData.fromEpochMillis(timestamp));
    }
    if (NexmarkFields.reads(read, EXTRA)) {
      row.setString(EXTRA, NexmarkText.extra(random, size, config.personAvgSize()));
    }
  }
}
