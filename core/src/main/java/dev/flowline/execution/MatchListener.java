package dev.flowline.execution;

import dev.flowline.event.EntityEvent;
import dev.flowline.match.Matcher;

import java.util.List;

/**
 * Told, for every processed event, about each workflow whose trigger fired and the outcome of its conditions
 * (what {@code flowline run --explain} prints). Registering one costs extra evaluation; leave it off in production.
 */
@FunctionalInterface
public interface MatchListener {

    void onMatch(EntityEvent event, List<Matcher.Candidate> candidates);
}
