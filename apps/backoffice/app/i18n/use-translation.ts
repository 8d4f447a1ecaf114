/** The back office's `useTranslation`: the catalogue's hook, for the instances of instance.ts. */
export { useTranslation } from "@settle/i18n/use-translation";
