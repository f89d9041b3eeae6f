package dev.flowline.action;

import dev.flowline.event.CausationLink;

import java.util.List;
import java.util.stream.Collectors;

/** An {@code update_entity} chain went deeper than the engine allows: a workflow keeps re-triggering itself. */
public class LoopDetectedException extends ActionFailedException {

    private final List<CausationLink> chain;

    public LoopDetectedException(String reason, List<CausationLink> chain) {
        super("loop detected: " + reason + "; chain: "
                + chain.stream().map(CausationLink::toString).collect(Collectors.joining(" -> ")), false);
        this.chain = List.copyOf(chain);
    }

    public List<CausationLink> chain() {
        return chain;
    }
}
