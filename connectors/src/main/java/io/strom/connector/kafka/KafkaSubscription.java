package io.strom.connector.kafka;

import io.strom.connector.ConnectorException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

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

  /**
   * The partitions of the subscribed topics as the brokers know them now; missing topics have
   * none. Asks the cluster each time through the admin client: a consumer would answer from its
   * cached metadata, which it refreshes only while it polls, so partitions added to a topic it
   * already knows would never show.
   */
  List<TopicPartition> partitions(Admin admin) {
    try {
      Collection<String> names = topics;
      if (pattern != null) {
        Pattern compiled = Pattern.compile(pattern);
        names = new TreeSet<>();
        for (String topic : admin.listTopics().names().get()) {
          if (compiled.matcher(topic).matches()) {
            names.add(topic);
          }
        }
      }
      List<TopicPartition> result = new ArrayList<>();
      for (Map.Entry<String, KafkaFuture<TopicDescription>> topic :
          admin.describeTopics(names).topicNameValues().entrySet()) {
        TopicDescription description = describedOrNull(topic.getValue());
        if (description != null) {
          description.partitions().forEach(
              p -> result.add(new TopicPartition(topic.getKey(), p.partition())));
        }
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException("Interrupted while listing the partitions of " + this + ".");
    } catch (ExecutionException e) {
      throw new ConnectorException(
          "Could not list the partitions of " + this + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The description of a topic, or null when the topic does not exist (or was just deleted). */
  private static TopicDescription describedOrNull(KafkaFuture<TopicDescription> description)
      throws InterruptedException, ExecutionException {
    try {
      return description.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return pattern == null ? String.join(";", topics) : "pattern " + pattern;
  }
}
