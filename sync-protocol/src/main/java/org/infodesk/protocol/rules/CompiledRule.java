package org.infodesk.protocol.rules;

import java.util.List;
import org.apache.commons.jexl3.JexlScript;
import org.infodesk.protocol.definition.Rule;

/** A rule of one domain, compiled, with the items it names (for pointing at them). */
record CompiledRule(String domain, Rule rule, JexlScript script, List<ItemRef> involved) {}
