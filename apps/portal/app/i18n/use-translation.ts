/** The portal's `useTranslation`: the catalogue's hook (@settle/i18n), for the instances of instance.ts. */
export { useTranslation } from "@settle/i18n/use-translation";
