package io.strom.connector.kafka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The topics a source reads: a fixed list, or every topic whose name matches a pattern.
 *
 * @param topics the topics, or empty with a pattern
 * @param pattern the regular expression, or null with topics
 */
record KafkaSubscription(List<String> topics, String pattern) implements Serializable {
  KafkaSubscription {
    topics = List.copyOf(topics);
    if (topics.isEmpty() == (pattern == null)) {
      throw new IllegalArgumentException("Either topics or a pattern");
    }
  }

  /** The partitions of the subscribed topics as the brokers know them now; missing topics have none. */
  List<TopicPartition> partitions(Consumer<?, ?> consumer) {
    Collection<String> names;
    if (pattern == null) {
      names = topics;
    } else {
      Pattern compiled = Pattern.compile(pattern);
      names = new TreeSet<>();
      for (String topic : consumer.listTopics().keySet()) {
        if (compiled.matcher(topic).matches()) {
          names.add(topic);
        }
      }
    }
    List<TopicPartition> result = new ArrayList<>();
    Map<String, List<PartitionInfo>> all = pattern == null ? null : consumer.listTopics();
    for (String topic : names) {
      List<PartitionInfo> infos = all == null ? consumer.partitionsFor(topic) : all.get(topic);
      if (infos != null) {
        infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return pattern == null ? String.join(";", topics) : "pattern " + pattern;
  }
}
