package org.infodesk.protocol.rules;

import java.util.List;
import org.apache.commons.jexl3.JexlScript;
import org.infodesk.protocol.definition.Item;

/** An item's relevance condition, compiled, with the items it names. */
record CompiledRelevance(String domain, Item item, JexlScript script, List<ItemRef> depends) {}
