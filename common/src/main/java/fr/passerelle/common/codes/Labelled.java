package fr.passerelle.common.codes;

/** A code enum with a French display label: code in the API, label on screens. */
public interface Labelled {

    String name();

    String label();

    default CodeLabel codeLabel() {
        return new CodeLabel(name(), label());
    }
}
