import idx from "@me/self"; export default "util+" + idx;
