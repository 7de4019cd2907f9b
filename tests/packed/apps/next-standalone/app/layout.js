// The app of ../next, deployed standalone (next.config.mjs here).
export { default, metadata } from "../../next/app/layout.js";
