package fr.passerelle.common.codes;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A code with its French label, for display lists and reasons. */
@Schema(name = "CodeLabel", description = "A code with its French display label.")
public record CodeLabel(
        @Schema(examples = "REMOBILISATION") String code,
        @Schema(examples = "Remobilisation") String label) {

    public static <E extends Enum<E> & Labelled> List<CodeLabel> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::codeLabel).toList();
    }
}
