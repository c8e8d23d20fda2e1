/** Holds only tests: ArchUnit rules over every Planwright module (see src/test). */
module org.planwright.architecture {
}
