package io.strom.connector.nexmark;

import io.strom.data.StringData;
import java.nio.charset.StandardCharsets;

/**
 * The channels bids come through and their URLs. Half the bids come through one of four hot
 * channels; the rest through one of 10,000 numbered channels, whose URL usually carries the
 * channel's id as a query parameter (what q21 extracts). A channel's URL depends on the seed and
 * the channel alone, and is made once per generator. Not thread-safe.
 */
final class BidChannels {
  static final int CHANNEL_COUNT = 10_000;
  /** A bid comes through a hot channel with probability {@code 1 - 1/HOT_CHANNEL_RATIO}. */
  static final int HOT_CHANNEL_RATIO = 2;
  static final String[] HOT_CHANNEL_NAMES = {"Google", "Facebook", "Baidu", "Apple"};
  /** A numbered channel's URL names its id with probability {@code 1 - 1/ID_IN_URL_RATIO}. */
  private static final int ID_IN_URL_RATIO = 10;
  /** Keeps channel draws apart from the draws of the event with the same number. */
  private static final long CHANNEL_SALT = 0x6E65786D61726BL;

  private final long seed;
  private final EventRandom random = new EventRandom();
  private final StringData[] hotNames = new StringData[HOT_CHANNEL_NAMES.length];
  private final StringData[] hotUrls = new StringData[HOT_CHANNEL_NAMES.length];
  private final StringData[] names = new StringData[CHANNEL_COUNT];
  private final StringData[] urls = new StringData[CHANNEL_COUNT];

  /** The channel and URL chosen by the last {@link #choose}. */
  private StringData channel;

  private StringData url;

  BidChannels(long seed) {
    this.seed = seed ^ CHANNEL_SALT;
    for (int i = 0; i < HOT_CHANNEL_NAMES.length; i++) {
      hotNames[i] = StringData.fromString(HOT_CHANNEL_NAMES[i]);
      // Keys below zero keep the hot URLs apart from the numbered channels' ones.
      hotUrls[i] = StringData.fromString(baseUrl(-1 - i));
    }
  }

  /** Chooses a channel with the event's random draws; read it with {@link #channel()}, {@link #url()}. */
  void choose(EventRandom eventRandom) {
    if (eventRandom.nextInt(HOT_CHANNEL_RATIO) > 0) {
      int hot = eventRandom.nextInt(hotNames.length);
      channel = hotNames[hot];
      url = hotUrls[hot];
      return;
    }
    int number = eventRandom.nextInt(CHANNEL_COUNT);
    if (names[number] == null) {
      names[number] = StringData.fromString("channel-" + number);
      String base = baseUrl(number);
      urls[number] = StringData.fromString(random.nextInt(ID_IN_URL_RATIO) > 0
          ? base + "&channel_id=" + Math.abs(Integer.reverse(number))
          : base);
    }
    channel = names[number];
    url = urls[number];
  }

  StringData channel() {
    return channel;
  }

  StringData url() {
    return url;
  }

  /** {@code https://www.nexmark.com/<w>/<w>/<w>/item.htm?query=1}, words made of the channel's draws. */
  private String baseUrl(long key) {
    random.reseed(seed, key);
    StringBuilder text = new StringBuilder("https://www.nexmark.com/");
    for (int i = 0; i < 3; i++) {
      text.append(new String(NexmarkText.word(random, 5, (byte) '_'), StandardCharsets.US_ASCII))
          .append('/');
    }
    return text.append("item.htm?query=1").toString();
  }
}
